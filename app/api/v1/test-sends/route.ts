import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { testSend } from "@/lib/test-sends/actions";

export const POST = apiRoute("supervisor", async (ctx) => actionResponse(testSend, await jsonBody(ctx.req), ctx, (d) => d, 201));
