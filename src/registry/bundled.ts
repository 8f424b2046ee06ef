import * as v from 'valibot';
import source from '../../assets/registry/skeleton.json';
import { type Registry, RegistrySchema } from './schema';

/** The registry shipped inside the extension: the floor every synced copy must beat. */
export function bundledRegistry(): Registry {
  return v.parse(RegistrySchema, source);
}
