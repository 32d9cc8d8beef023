import type { Page } from 'playwright-core';
import { RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL } from '../../support/requirements.js';

/** Fills the profile form (the welcome screen's "Add a broker") for the local RabbitMQ and saves it, which connects. */
export async function saveRabbitProfile(page: Page): Promise<void> {
  const url = new URL(RABBITMQ_URL);
  await page.getByLabel('Name', { exact: true }).fill('Local RabbitMQ');
  await page.getByLabel('AMQP URI').fill(`amqp://${url.host}/`);
  await page.getByLabel('Management URL').fill(RABBITMQ_MANAGEMENT_URL);
  await page.getByLabel('Username').fill(decodeURIComponent(url.username || 'guest'));
  await page.getByLabel('Password').fill(decodeURIComponent(url.password || 'guest'));
  await page.getByRole('button', { name: 'Save profile' }).click();
}
