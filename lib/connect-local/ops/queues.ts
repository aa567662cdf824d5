// ListQueues.
import { isoEpochSeconds, requireInstance, type OperationHandler } from "../context";
import { pageFromQuery, paginate } from "../pagination";
import { QUEUE_TYPES } from "../seed-schema";
import { Validator } from "../validator";

const v: Validator = new Validator("InvalidParameterException");

export const listQueues: OperationHandler = (ctx, { params, query }) => {
  const instanceId = params[0] ?? "";
  v.length("InstanceId", instanceId, { min: 1, max: 100 });
  const types = query.getAll("queueTypes");
  if (types.length > 2) v.fail(`QueueTypes may hold at most 2 items (got ${types.length})`);
  types.forEach((type, i) => v.oneOf(`QueueTypes[${i}]`, type, QUEUE_TYPES));
  const request = pageFromQuery(v, query, { min: 1, max: 1000 });
  const instance = requireInstance(ctx, instanceId);

  const queues = ctx.catalog.queues(instance.id).filter((queue) => types.length === 0 || types.includes(queue.type));
  const scope = `ListQueues|${instance.id}|${[...types].sort().join(",")}`;
  const { page, nextToken } = paginate(v, queues, scope, request, { defaultSize: 100 });
  return {
    QueueSummaryList: page.map((queue) => ({
      Id: queue.id,
      Arn: queue.arn,
      Name: queue.name,
      QueueType: queue.type,
      LastModifiedTime: isoEpochSeconds(queue.lastModifiedTime),
      LastModifiedRegion: ctx.catalog.region,
    })),
    NextToken: nextToken,
  };
};
