/**
 * The TypeORM DataSource for the CLI (`npm run migration:*`). It needs
 * DATABASE_URL; the app builds its own from the same options.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

if (!process.env.DATABASE_URL) {
  throw new Error('DATABASE_URL must be set to use the TypeORM CLI (e.g. postgres://postgres@127.0.0.1:5432/farmlink)');
}

export default new DataSource(dataSourceOptions({ url: process.env.DATABASE_URL }));
