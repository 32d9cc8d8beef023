import { useQueueLocation } from '../../navigation/useRoute.js';
import { QueuesView } from '../QueuesView.js';
import { QueuePage } from './QueuePage.js';

/** The Queues view: the table, or one queue's page when the address names one. */
export function QueueRoute() {
  const location = useQueueLocation();
  return location ? <QueuePage key={`${location.vhost}\u0000${location.name}`} vhost={location.vhost} name={location.name} /> : <QueuesView />;
}
