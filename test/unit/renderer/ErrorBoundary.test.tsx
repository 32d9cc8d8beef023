import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../renderer/components/ErrorBoundary.js';

afterEach(cleanup);

let broken = true;
function Flaky() {
  if (broken) throw new Error('rows is undefined');
  return <p>fine now</p>;
}

describe('ErrorBoundary', () => {
  it('shows what failed instead of a blank window, and retries', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary what="the Queues view">
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong in the Queues view');
    expect(screen.getByText('rows is undefined')).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('fine now')).toBeTruthy();
    quiet.mockRestore();
  });
});
