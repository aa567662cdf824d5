import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConnectClient, StartOutboundChatContactCommand, type StartOutboundChatContactCommandInput } from "@aws-sdk/client-connect";
import { afterEach, describe, expect, it } from "vitest";
import { catalog, fixtures, outboundChatRequest, startHarness, type Harness, type LocalContactView } from "./test-harness";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const folders: string[] = [];
const open: Harness[] = [];

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "connect-local-"));
  folders.push(dir);
  return dir;
}

async function harness(dataDir: string): Promise<Harness> {
  const h = await startHarness({ dataDir });
  open.push(h);
  return h;
}

async function closeHarness(h: Harness): Promise<void> {
  open.splice(open.indexOf(h), 1);
  await h.close();
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const startWithToken = (client: ConnectClient, token: string) =>
  client.send(new StartOutboundChatContactCommand(outboundChatRequest({ ClientToken: token }) as unknown as StartOutboundChatContactCommandInput));

/** Runs the real entry script as its own process and resolves once it prints its URL. */
function spawnScript(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/connect-local.ts"], {
    cwd: repoRoot,
    env: { ...process.env, CONNECT_LOCAL_PORT: "0", CONNECT_LOCAL_DATA: dataDir, CONNECT_LOCAL_RATE: "10000", CONNECT_LOCAL_BURST: "10000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`script did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`script exited with ${code}:\n${output}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

describe("persistence", () => {
  it("keeps contacts, tokens, events and the simulated clock across a restart", async () => {
    const dataDir = tempFolder();
    const first = await harness(dataDir);
    const kept = await startWithToken(first.connect, "token-kept");
    const stopped = await startWithToken(first.connect, "token-stopped");
    await first.raw("POST", "/contact/stop", { InstanceId: fixtures.instance.id, ContactId: stopped.ContactId });
    await first.raw("POST", "/chat-integration-event", {
      SourceId: "+15555550100",
      DestinationId: fixtures.dualNumber.sourcePhoneNumberArn,
      Event: { Type: "MESSAGE", ContentType: "text/plain", Content: "hi" },
    });
    await first.setConfig({ clockSpeed: 1_000_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await first.setConfig({ clockSpeed: 1 });
    const clockBefore = Date.parse(((await first.raw("GET", "/_local/state")).body as { clock: { now: string } }).clock.now);
    expect(clockBefore - Date.now()).toBeGreaterThan(60 * 60_000);
    const before = await first.contacts();
    await closeHarness(first);

    const second = await harness(dataDir);
    expect((await startWithToken(second.connect, "token-kept")).ContactId).toBe(kept.ContactId);
    const after = await second.contacts();
    expect(after).toEqual(expect.objectContaining({ events: before.events }));
    expect(after.contacts.map((c) => [c.contactId, c.clientToken, c.disconnectReason])).toEqual(
      before.contacts.map((c) => [c.contactId, c.clientToken, c.disconnectReason]),
    );
    const clockAfter = Date.parse(((await second.raw("GET", "/_local/state")).body as { clock: { now: string } }).clock.now);
    expect(clockAfter).toBeGreaterThanOrEqual(clockBefore);
  });

  it("refuses a second simulator on the same folder", async () => {
    const dataDir = tempFolder();
    await harness(dataDir);
    await expect(startHarness({ dataDir })).rejects.toThrow(/already in use/);
  });

  it("drops a torn final line but refuses a corrupt journal", async () => {
    const dataDir = tempFolder();
    const first = await harness(dataDir);
    const { ContactId } = await startWithToken(first.connect, "before-crash");
    await closeHarness(first);
    const journal = join(dataDir, "journal.jsonl");
    writeFileSync(journal, `${readFileSync(journal, "utf8")}{"t":"contact","contact":{"id":"torn`);

    const second = await harness(dataDir);
    expect((await startWithToken(second.connect, "before-crash")).ContactId).toBe(ContactId);
    await startWithToken(second.connect, "after-crash");
    await closeHarness(second);
    expect(readFileSync(journal, "utf8")).not.toContain('"torn');

    const third = await harness(dataDir);
    expect((await third.contacts()).contacts.map((c) => c.clientToken).sort()).toEqual(["after-crash", "before-crash"]);
    await closeHarness(third);

    writeFileSync(journal, `not json\n${readFileSync(journal, "utf8")}`);
    await expect(startHarness({ dataDir })).rejects.toThrow(/corrupt at line 1/);
  });

  it("never loses an acknowledged contact when the process is SIGKILLed", async () => {
    const dataDir = tempFolder();
    const { child, url } = await spawnScript(dataDir);
    const client = new ConnectClient({ endpoint: url, region: catalog.region, credentials: { accessKeyId: "t", secretAccessKey: "t" }, maxAttempts: 1 });
    const acknowledged = await Promise.all(Array.from({ length: 25 }, (_, i) => startWithToken(client, `crash-${i}`)));
    const killed = exited(child);
    child.kill("SIGKILL");
    expect((await killed).signal).toBe("SIGKILL");
    client.destroy();

    const h = await harness(dataDir);
    const { contacts } = await h.contacts();
    expect(contacts).toHaveLength(25);
    for (let i = 0; i < 25; i++) {
      expect((await startWithToken(h.connect, `crash-${i}`)).ContactId).toBe(acknowledged[i]?.ContactId);
    }
    expect((await h.contacts()).contacts.every((c: LocalContactView) => c.status === "active")).toBe(true);
  });

  it("closes cleanly on SIGTERM and releases the folder", async () => {
    const dataDir = tempFolder();
    const { child, output } = await spawnScript(dataDir);
    expect(existsSync(join(dataDir, "lock"))).toBe(true);
    const done = exited(child);
    child.kill("SIGTERM");
    const result = await done;
    expect(result, output()).toEqual({ code: 0, signal: null });
    expect(output()).toContain("received SIGTERM");
    expect(existsSync(join(dataDir, "lock"))).toBe(false);
  });
});
