import { apiRoute } from "@/lib/api/route";
import { viaConnect } from "@/lib/connect/runtime-gateway";

export const GET = apiRoute("viewer", async ({ params }) => Response.json({ numbers: await viaConnect((g) => g.listPhoneNumbers(params.instanceId!)) }));
