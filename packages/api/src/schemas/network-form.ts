import { z } from 'zod';
import { pairsSchema, pairsToMap } from './pairs';

const CIDR = /^[0-9a-fA-F:.]+\/\d{1,3}$/;
const IP = /^[0-9a-fA-F:.]+$/;

const ipamRowSchema = z.object({
  subnet: z.string().trim().regex(CIDR, 'A subnet like 172.30.0.0/16.'),
  gateway: z
    .string()
    .trim()
    .refine((v) => v === '' || IP.test(v), 'An IP address.'),
  ipRange: z
    .string()
    .trim()
    .refine((v) => v === '' || CIDR.test(v), 'A range like 172.30.5.0/24.'),
});

/** The create-network form's view model. */
export const networkFormSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(
      /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
      'A name of letters, digits, _ . - (starting with a letter or digit).',
    ),
  driver: z.string().trim(),
  ipam: z.array(ipamRowSchema),
  internal: z.boolean(),
  attachable: z.boolean(),
  ipv6: z.boolean(),
  labels: pairsSchema,
  options: pairsSchema,
});

export type NetworkFormValues = z.input<typeof networkFormSchema>;

export const emptyNetworkForm = (): NetworkFormValues => ({
  name: '',
  driver: 'bridge',
  ipam: [],
  internal: false,
  attachable: false,
  ipv6: false,
  labels: [],
  options: [],
});

/** The `POST /networks/create` body Berth sends. */
export interface NetworkCreateBody {
  Name: string;
  Driver: string;
  Internal: boolean;
  Attachable: boolean;
  EnableIPv6: boolean;
  Labels: Record<string, string>;
  Options: Record<string, string>;
  IPAM?: {
    Driver: 'default';
    Config: Array<{ Subnet: string; Gateway?: string; IPRange?: string }>;
  };
}

/** Empty IPAM rows mean "let the engine pick a subnet": no IPAM block is sent then. */
export function toNetworkCreate(values: z.output<typeof networkFormSchema>): NetworkCreateBody {
  return {
    Name: values.name,
    Driver: values.driver || 'bridge',
    Internal: values.internal,
    Attachable: values.attachable,
    EnableIPv6: values.ipv6,
    Labels: pairsToMap(values.labels),
    Options: pairsToMap(values.options),
    ...(values.ipam.length
      ? {
          IPAM: {
            Driver: 'default' as const,
            Config: values.ipam.map((row) => ({
              Subnet: row.subnet,
              ...(row.gateway ? { Gateway: row.gateway } : {}),
              ...(row.ipRange ? { IPRange: row.ipRange } : {}),
            })),
          },
        }
      : {}),
  };
}
