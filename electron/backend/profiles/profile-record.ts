import { z } from 'zod';
import { type Profile, TlsOptions, deriveManagementUrl } from '../../../shared/model/profile.js';
import { StoredPassword } from './stored-password.js';

/** One profile as stored in profiles.json. */
export const ProfileRecord = z.object({
  id: z.string().min(1),
  name: z.string(),
  /** Never holds credentials: they are moved into username/password on save. */
  amqpUri: z.string(),
  managementUrl: z.string(),
  username: z.string(),
  password: StoredPassword.nullable(),
  tls: TlsOptions,
  builtIn: z.boolean().default(false),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileRecord = z.infer<typeof ProfileRecord>;

export const ProfilesFile = z.object({
  version: z.literal(1),
  profiles: z.array(ProfileRecord),
});
export type ProfilesFile = z.infer<typeof ProfilesFile>;

export function effectiveManagementUrl(record: Pick<ProfileRecord, 'amqpUri' | 'managementUrl'>): string {
  return record.managementUrl !== '' ? record.managementUrl : deriveManagementUrl(record.amqpUri);
}

/** The renderer's view of a record: everything except the password. */
export function toProfile(record: ProfileRecord): Profile {
  return {
    id: record.id,
    name: record.name,
    amqpUri: record.amqpUri,
    managementUrl: record.managementUrl,
    effectiveManagementUrl: effectiveManagementUrl(record),
    username: record.username,
    hasPassword: record.password !== null,
    tls: record.tls,
    builtIn: record.builtIn,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
