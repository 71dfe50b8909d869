import type { Core } from "@strapi/strapi";
import { email, language, parseData, yup } from "../../../lib/validation";
import { organisationFields, withPoint } from "../../my/validation";

const signUpData = withPoint(
  yup.object({
    ...organisationFields,
    name: organisationFields.name.required(),
    reminderEmail: organisationFields.reminderEmail.required(),
    contactEmail: email().required(),
    language: language(),
  }),
);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async signUp(ctx: any) {
    const {
      contactEmail,
      language: lang,
      ...organisation
    } = await parseData<Record<string, any>>(ctx.request.body, signUpData);
    const created = await strapi
      .service("api::organisation.sign-up")
      .signUp({ organisation, contactEmail, language: lang });
    ctx.status = 201;
    ctx.body = { data: created, meta: {} };
  },
});
