export * from './cooperatives.module';
export * from './cooperatives.service';
export * from './cooperatives.errors';
export * from './query-transforms';
export * from './dto/cooperative.dto';
