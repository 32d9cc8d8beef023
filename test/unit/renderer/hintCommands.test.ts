import { describe, expect, it } from 'vitest';
import { commandsIn } from '../../../renderer/profiles/hintCommands.js';

describe('commandsIn', () => {
  it('finds the command in a hint, without the surrounding prose', () => {
    expect(commandsIn('Enable it on the broker: rabbitmq-plugins enable rabbitmq_management (or correct the management URL if it listens elsewhere).')).toEqual([
      'rabbitmq-plugins enable rabbitmq_management',
    ]);
    expect(commandsIn('Give it the monitoring tag: rabbitmqctl set_user_tags bob monitoring')).toEqual(['rabbitmqctl set_user_tags bob monitoring']);
  });

  it('keeps quoted patterns and finds several commands', () => {
    expect(commandsIn('Create it (rabbitmqctl add_vhost shop) or grant access (rabbitmqctl set_permissions -p shop bob ".*" ".*" ".*").')).toEqual([
      'rabbitmqctl add_vhost shop',
      'rabbitmqctl set_permissions -p shop bob ".*" ".*" ".*"',
    ]);
  });

  it('finds nothing in plain advice', () => {
    expect(commandsIn('Check the host and port, and that the broker is running.')).toEqual([]);
  });
});
