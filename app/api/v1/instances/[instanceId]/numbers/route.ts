export { GET } from "@/app/api/connect/instances/[instanceId]/numbers/route";
