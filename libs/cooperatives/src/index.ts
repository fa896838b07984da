export * from './cooperatives.module';
export * from './cooperatives.service';
export * from './cooperatives.errors';
export * from './dto/cooperative.dto';
