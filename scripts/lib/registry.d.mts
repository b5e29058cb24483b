export const REGISTRY_USER: string;
export const REGISTRY_PASSWORD: string;
export interface PrivateRegistry {
  /** host:port, e.g. 127.0.0.1:5000 */
  address: string;
  username: string;
  password: string;
  stop(): Promise<void>;
}
export function startRegistry(options?: { port?: number }): Promise<PrivateRegistry>;
