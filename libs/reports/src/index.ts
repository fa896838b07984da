export * from './reports.module';
export * from './reports.service';
export * from './report.repository';
export * from './reports.errors';
export * from './report-export';
export * from './dto/report.dto';
