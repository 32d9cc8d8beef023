/** Management API paths name the vhost and queue percent-encoded, `/` vhost included (%2F). */
export const queuePath = (vhost: string, name: string): string => `/api/queues/${encodeURIComponent(vhost)}/${encodeURIComponent(name)}`;
