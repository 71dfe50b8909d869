/** The error a refused request carries in Strapi's shape, when it does. */
export function refusal(error: unknown): { message?: string; details?: { code?: string; confirmed?: number; occurrence?: string } } {
  return (error as { response?: { data?: { error?: object } } })?.response?.data?.error ?? {};
}
