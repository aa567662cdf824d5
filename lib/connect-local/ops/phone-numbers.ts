// ListPhoneNumbersV2 (the console's choice) and the older ListPhoneNumbers.
import type { CatalogPhoneNumber } from "../catalog";
import { requireInstance, type OperationHandler, type SimContext } from "../context";
import { pageFromQuery, paginate } from "../pagination";
import { PHONE_NUMBER_TYPES } from "../seed-schema";
import { Validator } from "../validator";
import { resourceNotFound } from "../api-error";

// ListPhoneNumbersV2 models only InvalidParameterException.
const v: Validator = new Validator("InvalidParameterException");
const COUNTRY_CODE = /^[A-Z]{2}$/;

function checkFilters(types: string[], countries: string[]): void {
  if (types.length > 6) v.fail(`PhoneNumberTypes may hold at most 6 items (got ${types.length})`);
  types.forEach((type, i) => v.oneOf(`PhoneNumberTypes[${i}]`, type, PHONE_NUMBER_TYPES));
  if (countries.length > 10) v.fail(`PhoneNumberCountryCodes may hold at most 10 items (got ${countries.length})`);
  countries.forEach((code, i) => {
    if (!COUNTRY_CODE.test(code)) v.fail(`PhoneNumberCountryCodes[${i}] "${code}" is not an ISO 3166 alpha-2 country code`);
  });
}

function matches(number: CatalogPhoneNumber, types: string[], countries: string[], prefix?: string): boolean {
  return (
    (types.length === 0 || types.includes(number.type)) &&
    (countries.length === 0 || countries.includes(number.countryCode)) &&
    (prefix === undefined || number.phoneNumber.startsWith(prefix))
  );
}

function resolveTarget(ctx: SimContext, targetArn: string | undefined, instanceId: string | undefined): string | undefined {
  if (targetArn !== undefined && instanceId !== undefined) v.fail("Specify TargetArn or InstanceId, not both");
  if (instanceId !== undefined) return requireInstance(ctx, instanceId).id;
  if (targetArn !== undefined) {
    const instance = ctx.catalog.instances.find((candidate) => candidate.arn === targetArn);
    if (!instance) throw resourceNotFound(`TargetArn ${targetArn} is not an instance or traffic distribution group in this account`);
    return instance.id;
  }
  return undefined;
}

export const listPhoneNumbersV2: OperationHandler = (ctx, { body }) => {
  const input = v.body(body);
  const targetArn = v.string(input, "TargetArn", "", { min: 1 });
  const instanceId = v.string(input, "InstanceId", "", { min: 1, max: 100 });
  const maxResults = v.integer(input, "MaxResults", "", { min: 1, max: 1000 });
  const nextToken = v.string(input, "NextToken", "", { min: 1, max: 100_000 });
  const countries = v.stringList(input, "PhoneNumberCountryCodes", "", {}) ?? [];
  const types = v.stringList(input, "PhoneNumberTypes", "", {}) ?? [];
  checkFilters(types, countries);
  const prefix = v.string(input, "PhoneNumberPrefix", "");
  if (prefix !== undefined && !/^\+[0-9]{1,11}$/.test(prefix)) {
    v.fail(`PhoneNumberPrefix "${prefix}" must be "+" followed by 1 to 11 digits`);
  }
  const scopedInstance = resolveTarget(ctx, targetArn, instanceId);

  const numbers = ctx.catalog.phoneNumbers.filter(
    (number) => (scopedInstance === undefined || number.instanceId === scopedInstance) && matches(number, types, countries, prefix),
  );
  const scope = `ListPhoneNumbersV2|${scopedInstance ?? "*"}|${[...types].sort()}|${[...countries].sort()}|${prefix ?? ""}`;
  const { page, nextToken: next } = paginate(v, numbers, scope, { maxResults, nextToken }, { defaultSize: 100 });
  return {
    ListPhoneNumbersSummaryList: page.map((number) => ({
      PhoneNumberId: number.id,
      PhoneNumberArn: number.arn,
      PhoneNumber: number.phoneNumber,
      PhoneNumberCountryCode: number.countryCode,
      PhoneNumberType: number.type,
      TargetArn: number.instanceArn,
      InstanceId: number.instanceId,
      PhoneNumberDescription: number.description,
      SourcePhoneNumberArn: number.sourcePhoneNumberArn,
    })),
    NextToken: next,
  };
};

export const listPhoneNumbers: OperationHandler = (ctx, { params, query }) => {
  const instanceId = params[0] ?? "";
  v.length("InstanceId", instanceId, { min: 1, max: 100 });
  const types = query.getAll("phoneNumberTypes");
  const countries = query.getAll("phoneNumberCountryCodes");
  checkFilters(types, countries);
  const request = pageFromQuery(v, query, { min: 1, max: 1000 });
  const instance = requireInstance(ctx, instanceId);

  const numbers = ctx.catalog.phoneNumbers.filter((number) => number.instanceId === instance.id && matches(number, types, countries));
  const scope = `ListPhoneNumbers|${instance.id}|${[...types].sort()}|${[...countries].sort()}`;
  const { page, nextToken } = paginate(v, numbers, scope, request, { defaultSize: 100 });
  return {
    PhoneNumberSummaryList: page.map((number) => ({
      Id: number.id,
      Arn: number.arn,
      PhoneNumber: number.phoneNumber,
      PhoneNumberType: number.type,
      PhoneNumberCountryCode: number.countryCode,
    })),
    NextToken: nextToken,
  };
};
