// The Q in Connect client's own dependencies are lifted by package.json overrides past published advisories; these
// tests check the versions the client really loads and that it still works with them.
import { CreateMessageTemplateCommand, ListMessageTemplatesCommand } from "@aws-sdk/client-qconnect";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtures, startHarness, type Harness } from "./test-harness";

const require = createRequire(import.meta.url);

/** The package.json of `name` as Node resolves it from `fromDir`: next to the resolved entry, below node_modules/<name>/. */
function installedPackage(name: string, fromDir: string): { version: string; dir: string } {
  const entry = require.resolve(name, { paths: [fromDir] });
  const marker = `node_modules/${name}/`;
  const at = entry.replaceAll("\\", "/").lastIndexOf(marker);
  if (at < 0) throw new Error(`${name} resolved to ${entry}, outside node_modules`);
  const dir = entry.slice(0, at + marker.length);
  return { version: (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version, dir };
}

/** Numeric major.minor.patch comparison; pre-release tags are not expected here. */
function atLeast(version: string, floor: string): boolean {
  const parts = (v: string) => v.split("-")[0]!.split(".").map(Number);
  const [a, b] = [parts(version), parts(floor)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

const qconnectDir = installedPackage("@aws-sdk/client-qconnect", process.cwd()).dir;

describe("Q in Connect client dependencies", () => {
  it("loads fast-xml-parser and uuid at or above the versions that fix their advisories", () => {
    // fast-xml-parser comes through @aws-sdk/core, so resolve it from the core the Q client itself loads.
    const core = installedPackage("@aws-sdk/core", qconnectDir);
    const fastXmlParser = installedPackage("fast-xml-parser", core.dir);
    const uuid = installedPackage("uuid", qconnectDir);
    expect(atLeast(fastXmlParser.version, "4.5.4"), `fast-xml-parser ${fastXmlParser.version} at ${fastXmlParser.dir}`).toBe(true);
    expect(atLeast(uuid.version, "11.1.1"), `uuid ${uuid.version} at ${uuid.dir}`).toBe(true);
  });

  it("compares versions numerically", () => {
    expect(atLeast("4.10.0", "4.5.4")).toBe(true);
    expect(atLeast("4.4.1", "4.5.4")).toBe(false);
    expect(atLeast("9.0.1", "11.1.1")).toBe(false);
    expect(atLeast("11.1.1", "11.1.1")).toBe(true);
  });
});

describe("Q in Connect client with the lifted dependencies", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("lists message templates", async () => {
    const { messageTemplateSummaries } = await h.qconnect.send(new ListMessageTemplatesCommand({ knowledgeBaseId: fixtures.templatesKb.id }));
    expect(messageTemplateSummaries?.map((t) => t.messageTemplateId)).toContain(fixtures.whatsappTemplate.id);
    expect(messageTemplateSummaries?.[0]?.createdTime).toBeInstanceOf(Date);
  });

  it("fills an idempotency token with uuid when the caller leaves it out", async () => {
    // The simulator does not implement CreateMessageTemplate; the point is the request the client builds.
    let sentBody: string | undefined;
    const command = new CreateMessageTemplateCommand({
      knowledgeBaseId: fixtures.templatesKb.id,
      name: "uuid-check",
      channelSubtype: "SMS",
      content: { sms: { body: { plainText: { content: "hi" } } } },
    });
    command.middlewareStack.add(
      (next) => async (args) => {
        sentBody = String((args.request as { body?: unknown }).body);
        return next(args);
      },
      { step: "finalizeRequest" },
    );
    await h.qconnect.send(command).catch(() => undefined);
    expect(JSON.parse(sentBody ?? "{}").clientToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
