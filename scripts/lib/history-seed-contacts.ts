// Contacts and what happened in them, for the History benchmark: a contact for every sent recipient (as the
// dispatcher records it), chats begun by inbound messages, chat events and test sends to reach `total`, about two in
// three open; then chat events and forwarded replies for a pool of customers, and an audit log the campaign status
// history must pick its entries out of.
import "../allow-server-modules";
import { sql, type SQL } from "drizzle-orm";
import { auditLog, campaignRecipients, chatEvents, inboundIntegrations, inboundMessages } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { BENCH_INSTANCE, BENCH_NUMBER_ARN } from "./history-seed-campaign";

const BATCH = 1000;
const NUMBER = "+12065550142";
const DESTINATION = "arn:aws:sms-voice:us-east-1:000000000000:phone-number/bench";

/**
 * A contact's state and reconciliation columns from a number `n` and its creation time: one in three ended, about one
 * in a hundred unknown, the rest open; one open chat in ten never checked, the others checked within the last 14 hours
 * (at two checks a second, 100,000 open chats take that long to go round).
 */
function lifecycle(n: SQL, created: SQL): SQL {
  return sql`
    s.state::contact_state,
    case when s.checked then 'API' end,
    case when s.checked then ${created} end,
    case when s.state = 'ended' then least(now(), ${created} + (${n} % 7200) * interval '1 second') end,
    case when s.state = 'ended' then (array['CUSTOMER_DISCONNECT', 'EXPIRED', 'AGENT_DISCONNECT'])[(${n} / 3) % 3 + 1] end,
    case
      when s.state = 'ended' then least(now(), ${created} + (${n} % 7200 + 60) * interval '1 second')
      when s.state = 'unknown' then least(now(), ${created} + interval '5 minutes')
      when s.checked then greatest(${created}, now() - ((${n} * 7919) % 50400) * interval '1 second')
    end,
    case when s.state = 'unknown' then 'ResourceNotFoundException: Contact not found' end`;
}

function states(n: SQL): SQL {
  return sql`cross join lateral (
    select case when ${n} % 3 = 0 then 'ended' when ${n} % 97 = 1 then 'unknown' else 'open' end as state,
           not (${n} % 3 <> 0 and ${n} % 97 <> 1 and ${n} % 10 = 1) as checked
  ) s`;
}

const COLUMNS = sql.raw(`contact_id, instance_id, channel, customer_phone, source_phone, source_phone_number_arn, origin, campaign_id, recipient_id,
  created_by, created_at, state, initiation_method, initiated_at, disconnected_at, disconnect_reason, last_checked_at, check_error`);

/** Every sent recipient's contact, then contacts of other origins over the last six days up to `total`. */
export async function seedContacts(db: Db, total: number): Promise<void> {
  await db.execute(sql`
    insert into contacts (${COLUMNS})
    select r.contact_id, c.instance_id, c.channel, r.phone, null, c.source_phone_number_arn, 'campaign', r.campaign_id, r.id,
      'system', r.sent_at, ${lifecycle(sql`r.id`, sql`r.sent_at`)}
    from ${campaignRecipients} r join campaigns c on c.id = r.campaign_id ${states(sql`r.id`)}
    where r.send_status = 'sent'`);
  await db.execute(sql`
    insert into contacts (${COLUMNS})
    select gen_random_uuid()::text, ${BENCH_INSTANCE}, 'sms', '+1312' || lpad(((x.g * 7919) % 10000000)::text, 7, '0'), ${NUMBER}, ${BENCH_NUMBER_ARN},
      (array['inbound', 'inbound', 'inbound', 'inbound', 'inbound', 'inbound', 'chat_event', 'chat_event', 'chat_event', 'test_send'])[x.g % 10 + 1]::contact_origin,
      null, null, case when x.g % 10 < 6 then 'inbound:Bench SMS' else 'sam@example.com' end, x.created, ${lifecycle(sql`x.g`, sql`x.created`)}
    from (
      select g, now() - (g::double precision / greatest(1, ${total} - (select count(*) from contacts))) * interval '6 days' as created
      from generate_series(1, greatest(0, ${total} - (select count(*) from contacts))) g
    ) x ${states(sql`x.g`)}`);
}

interface Customer {
  id: number;
  phone: string;
  contactId: string;
  sentAt: Date;
}

const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * For `customers` recipients of the campaign, four chat events each: a message from the console, two replies the
 * inbound bridge forwarded (with their inbound messages), then a typing event or the end of the chat. One console
 * event in 29 failed. The replies are counted on the recipients, as the bridge does.
 */
export async function seedChatEvents(db: Db, campaignId: string, customers: number): Promise<void> {
  const found = (await db.execute(sql`
    select id, phone, contact_id as "contactId", sent_at as "sentAt" from ${campaignRecipients}
    where campaign_id = ${campaignId} and send_status = 'sent' and id % 17 = 0 order by id limit ${customers}`)) as unknown as {
    rows: { id: string | number; phone: string; contactId: string; sentAt: Date | string }[];
  };
  // node-postgres gives a bigint as text.
  const pool: Customer[] = found.rows.map((r) => ({ ...r, id: Number(r.id), sentAt: new Date(r.sentAt) }));
  const [integration] = await db
    .insert(inboundIntegrations)
    .values({
      name: "Bench SMS",
      channel: "sms",
      instanceId: BENCH_INSTANCE,
      phoneNumberArn: BENCH_NUMBER_ARN,
      phoneNumber: NUMBER,
      destinationArn: DESTINATION,
      secretCiphertext: "bench",
      secretPrefix: "bench",
      createdBy: "bench@example.com",
    })
    .returning({ id: inboundIntegrations.id });
  const replies = pool.flatMap((c, k) =>
    [12, 15].map((after, i) => ({
      integrationId: integration!.id,
      messageId: `bench-${k}-${i}`,
      receivedAt: minutesAfter(c.sentAt, after),
      fromPhone: c.phone,
      toPhone: NUMBER,
      type: "message",
      text: i === 0 ? "Can I move it to Friday?" : "Thanks",
      status: "forwarded" as const,
      attempts: 1,
      forwardedAt: minutesAfter(c.sentAt, after),
      contactId: c.contactId,
      newChatCreated: false,
      campaignId,
      recipientId: c.id,
    })),
  );
  const messageIds: number[] = [];
  await insertInBatches(replies, async (batch) =>
    messageIds.push(...(await db.insert(inboundMessages).values(batch).returning({ id: inboundMessages.id })).map((r) => r.id)),
  );
  const base = (c: Customer) => ({
    instanceId: BENCH_INSTANCE,
    channel: "sms" as const,
    sourceId: c.phone,
    destinationId: DESTINATION,
    destinationPhone: NUMBER,
    destinationPhoneNumberArn: BENCH_NUMBER_ARN,
    contactId: c.contactId,
    newChatCreated: false,
  });
  const events = pool.flatMap((c, k) => {
    const failed = k % 29 === 0;
    const byHand = { ...base(c), origin: "console", actorEmail: "ops@example.com" };
    const forwarded = (i: number) => ({
      ...base(c),
      origin: "inbound",
      actorEmail: "inbound:Bench SMS",
      integrationId: integration!.id,
      inboundMessageId: messageIds[k * 2 + i]!,
      status: "sent",
      eventType: "MESSAGE",
      contentType: "text/plain",
      content: replies[k * 2 + i]!.text,
      createdAt: replies[k * 2 + i]!.forwardedAt,
    });
    return [
      {
        ...byHand,
        eventType: "MESSAGE",
        contentType: "text/plain",
        content: "Your appointment is tomorrow at 10:00.",
        createdAt: minutesAfter(c.sentAt, 5),
        status: failed ? "failed" : "sent",
        errorName: failed ? "InvalidRequestException" : null,
        errorMessage: failed ? "The chat has ended" : null,
      },
      forwarded(0),
      forwarded(1),
      k % 2 === 0
        ? { ...byHand, eventType: "DISCONNECT", contentType: null, content: null, createdAt: minutesAfter(c.sentAt, 30), status: "sent" }
        : {
            ...byHand,
            eventType: "EVENT",
            contentType: "application/vnd.amazonaws.connect.event.typing",
            content: null,
            createdAt: minutesAfter(c.sentAt, 30),
            status: "sent",
          },
    ];
  });
  await insertInBatches(events, (batch) => db.insert(chatEvents).values(batch));
  await db.execute(sql`
    update ${campaignRecipients} r set replied_at = m.first, reply_count = m.n
    from (select recipient_id, min(received_at) as first, count(*)::int as n from ${inboundMessages} where type = 'message' group by recipient_id) m
    where r.id = m.recipient_id`);
}

/**
 * The campaigns' status changes among `noise` other entries (sign-ins, contacts stopped, exports of these very
 * campaigns), so the status history reads a handful of rows out of a long log. Hashes are placeholders: nothing here
 * verifies the chain.
 */
export async function seedAudit(db: Db, campaignIds: string[], noise: number): Promise<void> {
  await db.execute(sql`
    insert into ${auditLog} (at, actor_email, action, target_type, target_id, diff, prev_hash, hash)
    select now() - (${noise} - g) * interval '10 seconds', 'sam@example.com',
      (array['auth.signed_in', 'contact.stopped', 'campaign.exported', 'suppression.added'])[g % 4 + 1],
      (array['user', 'contact', 'campaign', 'suppression'])[g % 4 + 1],
      case g % 4 when 1 then gen_random_uuid()::text when 2 then (array[${sql.join(
        campaignIds.map((id) => sql`${id}`),
        sql`, `,
      )}])[g % ${campaignIds.length} + 1] end,
      '{}'::jsonb, 'bench', 'bench'
    from generate_series(1, ${noise}) g`);
  const steps = [
    { action: "campaign.created", diff: null },
    { action: "campaign.launched", diff: { status: { from: "draft", to: "scheduled" }, recipients: 100_000 } },
    { action: "campaign.started", diff: { status: { from: "scheduled", to: "running" } } },
    { action: "campaign.paused", diff: { status: { from: "running", to: "paused" }, reason: "Too many errors in a row" } },
    { action: "campaign.resumed", diff: { status: { from: "paused", to: "running" }, previousReason: "Too many errors in a row" } },
    { action: "campaign.completed", diff: { status: { from: "running", to: "completed" }, recipients: { sent: 85_000, failed: 8_000 } } },
  ];
  await db.insert(auditLog).values(
    campaignIds.flatMap((id) =>
      steps.map((s, i) => ({
        at: new Date(Date.now() - (steps.length - i) * 60_000),
        actorEmail: i === 2 || i === 5 ? "system" : "sam@example.com",
        requestId: i === 2 || i === 5 ? "dispatcher:bench" : null,
        action: s.action,
        targetType: "campaign",
        targetId: id,
        diff: s.diff,
        prevHash: "bench",
        hash: "bench",
      })),
    ),
  );
}
