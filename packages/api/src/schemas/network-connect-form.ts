import { z } from 'zod';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/;

const isIpv4 = (text: string) => {
  const parts = IPV4.exec(text);
  return parts !== null && parts.slice(1).every((part) => Number(part) <= 255);
};

/** Connecting a container to a network: which one, its aliases there, fixed addresses if any. */
export const networkConnectFormSchema = z.object({
  container: z.string().min(1, 'Choose a container.'),
  aliases: z.string(),
  ipv4: z
    .string()
    .trim()
    .refine((text) => text === '' || isIpv4(text), 'An IPv4 address, like 172.30.0.10.'),
  ipv6: z
    .string()
    .trim()
    .refine((text) => text === '' || IPV6.test(text), 'An IPv6 address, like fd00::10.'),
});
export type NetworkConnectFormValues = z.input<typeof networkConnectFormSchema>;

export const emptyNetworkConnectForm = (): NetworkConnectFormValues => ({
  container: '',
  aliases: '',
  ipv4: '',
  ipv6: '',
});

/** The `POST /networks/{id}/connect` body Berth sends. */
export interface NetworkConnectBody {
  Container: string;
  EndpointConfig: {
    Aliases?: string[];
    IPAMConfig?: { IPv4Address?: string; IPv6Address?: string };
  };
}

/** Empty parts are left out, so the engine picks the addresses itself. */
export function toNetworkConnect(
  values: z.output<typeof networkConnectFormSchema>,
): NetworkConnectBody {
  const aliases = values.aliases.split(/[\s,]+/).filter(Boolean);
  const ipam = {
    ...(values.ipv4 ? { IPv4Address: values.ipv4 } : {}),
    ...(values.ipv6 ? { IPv6Address: values.ipv6 } : {}),
  };
  return {
    Container: values.container,
    EndpointConfig: {
      ...(aliases.length ? { Aliases: aliases } : {}),
      ...(Object.keys(ipam).length ? { IPAMConfig: ipam } : {}),
    },
  };
}
