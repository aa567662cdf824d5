// A recipient list is sent here once, as the file's bytes, and named by the id it gets from then on.
import { apiRoute } from "@/lib/api/route";
import { postRecipientUpload } from "@/lib/uploads/routes";

export const POST = apiRoute("supervisor", postRecipientUpload);
