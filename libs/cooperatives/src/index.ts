export * from './cooperatives.module';
export * from './cooperatives.service';
export * from './cooperatives.errors';
export * from './cooperative.entity';
export * from './query-transforms';
export * from './dto/cooperative.dto';
