import type { ConnectLocalConfigPatch } from "./config";

export interface ConnectLocalOptions {
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port (tests). Default 4599. */
  port?: number;
  /** Folder for the journal; undefined keeps all state in memory. */
  dataDir?: string;
  /** Seed JSON; defaults to the committed seed. */
  seedPath?: string;
  /** Starting config; also what POST /_local/reset restores. */
  config?: ConnectLocalConfigPatch;
  /** One line per request; false silences it. Default console.log. */
  log?: ((line: string) => void) | false;
}

export interface ConnectLocalServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4599;
export const DEFAULT_HOST = "127.0.0.1";
