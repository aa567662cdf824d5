// ListContactFlows.
import { requireInstance, type OperationHandler } from "../context";
import { pageFromQuery, paginate } from "../pagination";
import { CONTACT_FLOW_TYPES } from "../seed-schema";
import { Validator } from "../validator";

const v: Validator = new Validator("InvalidParameterException");

export const listContactFlows: OperationHandler = (ctx, { params, query }) => {
  const instanceId = params[0] ?? "";
  v.length("InstanceId", instanceId, { min: 1, max: 100 });
  const types = query.getAll("contactFlowTypes");
  if (types.length > 10) v.fail(`ContactFlowTypes may hold at most 10 items (got ${types.length})`);
  types.forEach((type, i) => v.oneOf(`ContactFlowTypes[${i}]`, type, CONTACT_FLOW_TYPES));
  const request = pageFromQuery(v, query, { min: 1, max: 1000 });
  const instance = requireInstance(ctx, instanceId);

  const flows = ctx.catalog.flows(instance.id).filter((flow) => types.length === 0 || types.includes(flow.type));
  const scope = `ListContactFlows|${instance.id}|${[...types].sort().join(",")}`;
  const { page, nextToken } = paginate(v, flows, scope, request, { defaultSize: 100 });
  return {
    ContactFlowSummaryList: page.map((flow) => ({
      Id: flow.id,
      Arn: flow.arn,
      Name: flow.name,
      ContactFlowType: flow.type,
      ContactFlowState: flow.state,
      ContactFlowStatus: flow.status,
    })),
    NextToken: nextToken,
  };
};
