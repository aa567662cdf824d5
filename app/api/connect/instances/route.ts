import { apiRoute } from "@/lib/api/route";
import { viaConnect } from "@/lib/connect/runtime-gateway";

export const GET = apiRoute("viewer", async () => Response.json({ instances: await viaConnect((g) => g.listInstances()) }));
