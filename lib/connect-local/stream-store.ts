// Chat streams started by StartContactStreaming (contract-streaming.md S.1): journaled with the contacts so ClientTokens
// and open streams survive a restart. Applied only through ContactStore.apply.

export const STREAM_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface StoredStream {
  id: string;
  contactId: string;
  instanceId: string;
  topicArn: string;
  clientToken?: string;
  startedAtMs: number;
  /** StopContactStreaming stopped it, or the chat's end was published to it. */
  closedAtMs?: number;
}

export interface StreamClose {
  streamId: string;
  atMs: number;
}

export class StreamStore {
  private readonly byId = new Map<string, StoredStream>();
  private readonly byContact = new Map<string, StoredStream[]>();
  private readonly open = new Set<string>();

  add(stream: StoredStream): void {
    this.byId.set(stream.id, stream);
    const list = this.byContact.get(stream.contactId);
    if (list) list.push(stream);
    else this.byContact.set(stream.contactId, [stream]);
    if (stream.closedAtMs === undefined) this.open.add(stream.contactId);
  }

  close({ streamId, atMs }: StreamClose): void {
    const stream = this.byId.get(streamId);
    if (!stream || stream.closedAtMs !== undefined) return;
    stream.closedAtMs = atMs;
    if (this.openOf(stream.contactId).length === 0) this.open.delete(stream.contactId);
  }

  find(streamId: string): StoredStream | undefined {
    return this.byId.get(streamId);
  }

  of(contactId: string): readonly StoredStream[] {
    return this.byContact.get(contactId) ?? [];
  }

  openOf(contactId: string): StoredStream[] {
    return this.of(contactId).filter((stream) => stream.closedAtMs === undefined);
  }

  /** Contacts with at least one open stream. */
  contactsWithOpenStreams(): string[] {
    return [...this.open];
  }

  findByClientToken(contactId: string, token: string, nowMs: number): StoredStream | undefined {
    return this.of(contactId).find((stream) => stream.clientToken === token && nowMs - stream.startedAtMs < STREAM_TOKEN_TTL_MS);
  }

  all(): StoredStream[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byId.clear();
    this.byContact.clear();
    this.open.clear();
  }
}
