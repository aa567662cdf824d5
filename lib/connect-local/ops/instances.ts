// ListInstances and DescribeInstance.
import type { CatalogInstance } from "../catalog";
import { isoEpochSeconds, requireInstance, type OperationHandler } from "../context";
import { pageFromQuery, paginate } from "../pagination";
import { Validator } from "../validator";

// Both operations only model InvalidRequestException.
const v: Validator = new Validator("InvalidRequestException");

function summary(instance: CatalogInstance) {
  return {
    Id: instance.id,
    Arn: instance.arn,
    IdentityManagementType: instance.identityManagementType,
    InstanceAlias: instance.alias,
    CreatedTime: isoEpochSeconds(instance.createdTime),
    ServiceRole: instance.serviceRole,
    InstanceStatus: instance.status,
    InboundCallsEnabled: instance.inboundCallsEnabled,
    OutboundCallsEnabled: instance.outboundCallsEnabled,
    InstanceAccessUrl: instance.accessUrl,
  };
}

export const listInstances: OperationHandler = (ctx, { query }) => {
  const request = pageFromQuery(v, query, { min: 1, max: 10 });
  const { page, nextToken } = paginate(v, ctx.catalog.instances, "ListInstances", request, { defaultSize: 10 });
  return { InstanceSummaryList: page.map(summary), NextToken: nextToken };
};

export const describeInstance: OperationHandler = (ctx, { params }) => {
  const instanceId = params[0] ?? "";
  v.length("InstanceId", instanceId, { min: 1, max: 100 });
  const instance = requireInstance(ctx, instanceId);
  const tags = Object.keys(instance.tags).length > 0 ? instance.tags : undefined;
  return {
    Instance: {
      ...summary(instance),
      ...(instance.status === "CREATION_FAILED" ? { StatusReason: { Message: "Instance creation failed" } } : {}),
      Tags: tags,
    },
  };
};
