// Where an audited entity has a staff page, its link (the audit viewer links each row to it).

const ROUTES: Record<string, (id: string) => string> = {
  LicenseGrant: (id) => `/staff/licenses/${id}`,
  Work: (id) => `/staff/works/${id}`,
  DistributionRun: (id) => `/staff/distributions/${id}`,
  Dispute: (id) => `/staff/disputes/${id}`,
  Organization: (id) => `/staff/organizations/${id}`,
  PriceSchedule: () => "/staff/pricing",
  Setting: (key) => `/staff/settings#${key}`,
  Plan: () => "/staff/settings",
  Job: (id) => `/staff/jobs/${id}`,
  JobSchedule: () => "/staff/jobs#schedules",
  MailMessage: (id) => `/staff/outbox/${id}`,
};

export function entityHref(entityType: string, entityId: string): string | null {
  return ROUTES[entityType]?.(encodeURIComponent(entityId)) ?? null;
}
