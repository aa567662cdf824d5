export { GET } from "@/app/api/connect/templates/route";
