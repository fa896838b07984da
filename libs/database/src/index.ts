export * from './data-source-options';
export * from './embedded-postgres';
export * from './database-errors';
export * from "./transaction";
export * from "./database-runtime";
export * from './prepared-query';
export * from './uuid-v7';
export * from './money-row';
