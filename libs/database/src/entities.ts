/**
 * The explicit list of entities, shared by the app and the TypeORM CLI.
 * Add a new entity here when a lib introduces one.
 */
import { Region } from '@farmlink/regions/region.entity';
import { Programme, ProgrammeCounty } from '@farmlink/regions/programme.entity';
import { User } from '@farmlink/identity/user.entity';
import { Cooperative, CooperativeMember } from '@farmlink/cooperatives/cooperative.entity';
import { Listing, ListingPhoto } from '@farmlink/catalog/listing.entity';

export const entities = [Region, Programme, ProgrammeCounty, User, Cooperative, CooperativeMember, Listing, ListingPhoto];
