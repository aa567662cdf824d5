// Local Connect: the real REST-JSON wire protocol over node:http so the AWS SDK clients talk to it unchanged.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ApiError } from "./api-error";
import { AudienceModel } from "./audience";
import { Catalog } from "./catalog";
import { ChatStreaming } from "./chat-streaming";
import { FAULT_STATUS, resolveConfig, type ConnectLocalConfigPatch } from "./config";
import { configProblems } from "./config-catalog-check";
import { ContactStore } from "./contact-store";
import { emptyCounters, type SimContext } from "./context";
import { faultMessage, pickFault } from "./faults";
import { parseJsonBody, readBody, sendError, sendJson, sendText } from "./http-io";
import { Journal, type JournalRecord } from "./journal";
import { handleLocalRequest, type LocalAdmin } from "./local-admin";
import { loadSeed } from "./load-seed";
import { DEFAULT_HOST, DEFAULT_PORT, type ConnectLocalOptions, type ConnectLocalServer } from "./options";
import { NumberThroughput } from "./number-throughput";
import { matchRoute } from "./routes";
import { rebuildReach } from "./sending-ceilings";
import { SimClock } from "./sim-clock";
import { SnsTopics } from "./sns-topics";
import { answerSqs, sqsOperationOf } from "./sqs-http";
import { SqsQueues } from "./sqs-queues";
import { TokenBucket } from "./token-bucket";
import { WhatsAppReach } from "./whatsapp-reach";

const STREAM_SWEEP_MS = 200;

export async function startConnectLocal(options: ConnectLocalOptions = {}): Promise<ConnectLocalServer> {
  const log = options.log === false ? () => {} : (options.log ?? ((line: string) => console.log(line)));
  const seed = loadSeed(options.seedPath);
  const catalog = new Catalog(seed);
  const defaults = resolveConfig({ ...(seed.audience ? { audience: seed.audience } : {}), ...options.config });
  const startProblems = configProblems(defaults, catalog);
  if (startProblems.length > 0) throw new Error(`Invalid connect-local config:\n- ${startProblems.join("\n- ")}`);
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);

  const opened = dataDir ? Journal.open(dataDir) : undefined;
  const journal = opened?.journal;
  const clock = new SimClock(restoredClockMs(opened?.records ?? []), defaults.clockSpeed);
  const store = new ContactStore(clock, journal);
  try {
    for (const record of opened?.records ?? []) store.apply(record);
    // Compacting at start also drops a torn final line, so later appends start on a clean line.
    journal?.rewrite(store.snapshot());
  } catch (err) {
    journal?.close();
    throw err;
  }

  const ceilings = { throughput: new NumberThroughput(() => clock.nowMs()), reach: new WhatsAppReach() };
  const sqs = new SqsQueues(catalog.accountId, catalog.region);
  const sns = new SnsTopics(catalog.accountId, catalog.region, sqs);
  sns.reset();
  const streaming = new ChatStreaming(catalog, store, clock, sns);
  streaming.resume();
  const audience = new AudienceModel();
  const ctx: SimContext = { catalog, store, clock, config: { ...defaults }, counters: emptyCounters(), ceilings, streaming, sns, sqs, audience };
  rebuildReach(ctx);
  const bucket = new TokenBucket(defaults.rate, defaults.burst);
  const held = new Set<NodeJS.Timeout>();

  const admin: LocalAdmin = {
    ctx,
    dataDir,
    updateConfig(patch: ConnectLocalConfigPatch) {
      const next = resolveConfig({ ...ctx.config, ...patch });
      const problems = configProblems(next, catalog);
      if (problems.length > 0) throw new ApiError("InvalidRequestException", 400, `Invalid config: ${problems.join("; ")}`);
      ctx.config = next;
      bucket.reconfigure(ctx.config.rate, ctx.config.burst);
      if (ctx.config.clockSpeed !== clock.getSpeed()) {
        clock.setSpeed(ctx.config.clockSpeed);
        store.commit({ t: "clock" });
      }
      return ctx.config;
    },
    advanceClock(ms: number) {
      clock.advance(ms);
      // Recorded so a restart continues from the advanced time.
      store.commit({ t: "clock" });
      audience.pump(ctx);
      streaming.sweep();
    },
    reset() {
      store.commit({ t: "reset" });
      journal?.rewrite(store.snapshot());
      ctx.counters = emptyCounters();
      audience.reset();
      ctx.config = { ...defaults };
      bucket.reconfigure(defaults.rate, defaults.burst);
      bucket.fill();
      ceilings.throughput.clear();
      rebuildReach(ctx);
      clock.setSpeed(defaults.clockSpeed);
      sns.reset();
      streaming.resume();
    },
  };

  // Flows and chat durations end chats on the simulated clock without any request; streamed chats publish that end.
  const sweeper = setInterval(() => {
    try {
      audience.pump(ctx);
      streaming.sweep();
    } catch (err) {
      log(`connect-local streaming sweep failed: ${(err as Error).stack ?? String(err)}`);
    }
  }, STREAM_SWEEP_MS);
  sweeper.unref();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const receivedAtMs = Date.now();
    const requestId = randomUUID();
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://connect-local");
    const sqsOperation = sqsOperationOf(req);
    const route = url.pathname.startsWith("/_local/") || sqsOperation ? undefined : matchRoute(method, url.pathname);
    const operation = sqsOperation
      ? `SQS ${sqsOperation}`
      : url.pathname.startsWith("/_local/")
        ? `local ${method} ${url.pathname}`
        : (route?.operation ?? `${method} ${url.pathname}`);
    res.setHeader("x-amzn-RequestId", requestId);
    const finish = (status: number, detail = "") => {
      ctx.counters.statuses[status] = (ctx.counters.statuses[status] ?? 0) + 1;
      log(`connect-local ${operation} ${status}${detail ? ` ${detail}` : ""} ${Math.round(performance.now() - started)}ms ${requestId}`);
    };

    let loseResponse = false;
    // The work is done (and journaled: commits write synchronously) but the caller never hears how it went.
    const dropAfterWork = (status: number, detail = "") => {
      req.socket.destroy();
      finish(0, `LostResponse(injected after ${status}${detail ? ` ${detail}` : ""})`);
    };

    try {
      const text = await readBody(req);
      // Before anything reads or waits on a queue, so an end the clock brought is already published.
      streaming.sweep();
      if (sqsOperation) {
        const host = req.headers.host ?? `${DEFAULT_HOST}:${DEFAULT_PORT}`;
        const answer = await answerSqs(res, sqs, { operation: sqsOperation, body: parseJsonBody(text), host, accountId: catalog.accountId });
        return finish(answer.status, answer.detail);
      }
      if (url.pathname.startsWith("/_local/")) {
        const result = handleLocalRequest(admin, method, url.pathname, url.searchParams, parseJsonBody(text));
        if (result.text !== undefined) sendText(res, result.status, result.text);
        else sendJson(res, result.status, result.body);
        return finish(result.status);
      }
      if (!route) throw new ApiError("UnknownOperationException", 404, `No operation matches ${method} ${url.pathname}`);
      ctx.counters.requests[route.operation] = (ctx.counters.requests[route.operation] ?? 0) + 1;
      if (ctx.config.latencyMs > 0) await sleep(ctx.config.latencyMs);

      // Faults fire before any processing, so an injected error never leaves a contact behind; the one exception is
      // LostResponse, which lets the operation run and then loses whatever it answered.
      const fault = route.faultable ? pickFault(ctx.config.faults) : undefined;
      if (fault === "LostResponse") {
        ctx.counters.faultsInjected[fault] = (ctx.counters.faultsInjected[fault] ?? 0) + 1;
        loseResponse = true;
      } else if (fault) {
        ctx.counters.faultsInjected[fault] = (ctx.counters.faultsInjected[fault] ?? 0) + 1;
        if (fault === "ConnectionReset") {
          req.socket.destroy();
          return finish(0, "ConnectionReset(injected)");
        }
        if (fault === "Timeout") {
          const timer = setTimeout(() => {
            held.delete(timer);
            req.socket.destroy();
          }, ctx.config.timeoutHangMs);
          held.add(timer);
          return finish(0, `Timeout(injected, dropping after ${ctx.config.timeoutHangMs}ms)`);
        }
        throw new ApiError(fault, FAULT_STATUS[fault], faultMessage(fault));
      }
      if (route.rateLimited && !bucket.tryTake()) {
        throw new ApiError(
          "ThrottlingException",
          429,
          `Rate exceeded for ${route.operation}: quota is ${ctx.config.rate} requests per second with a burst of ${ctx.config.burst}`,
        );
      }
      const result = route.handler(ctx, { params: route.params, query: url.searchParams, body: parseJsonBody(text), receivedAtMs });
      if (loseResponse) return dropAfterWork(200);
      sendJson(res, 200, result);
      finish(200);
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError("InternalServiceException", 500, `Internal error: ${(err as Error).message}`);
      if (!(err instanceof ApiError)) log(`connect-local internal error in ${operation}: ${(err as Error).stack ?? String(err)}`);
      ctx.counters.errors[error.errorName] = (ctx.counters.errors[error.errorName] ?? 0) + 1;
      if (loseResponse) return dropAfterWork(error.status, error.errorName);
      if (!res.headersSent && !res.destroyed) sendError(res, error);
      finish(error.status, error.errorName);
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  // Longer than typical client idle pools so a reused keep-alive socket is rarely closed under a request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST, () => resolveListen());
    });
  } catch (err) {
    clearInterval(sweeper);
    journal?.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? DEFAULT_HOST;
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  sns.baseUrl = `http://${urlHost}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolveClose) => {
        for (const timer of held) clearTimeout(timer);
        held.clear();
        clearInterval(sweeper);
        audience.stop();
        // Long polls answer at once instead of holding the close for up to 20 seconds.
        sqs.clear();
        sns.http.clear();
        server.close(() => {
          if (journal) {
            store.commit({ t: "clock" });
            journal.close();
          }
          resolveClose();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Simulated time continues from where the journal left it and never goes behind any recorded time. */
function restoredClockMs(records: JournalRecord[]): number {
  const last = records.at(-1);
  if (!last) return Date.now();
  const latest = records.reduce((max, record) => Math.max(max, record.simMs), 0);
  return Math.max(Date.now() + (last.simMs - last.realMs), latest);
}
