import { apiRoute } from "@/lib/api/route";
import { getRecipientUpload } from "@/lib/uploads/routes";

export const GET = apiRoute("viewer", getRecipientUpload);
