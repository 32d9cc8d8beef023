import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { children: ReactNode; /** What failed, in the message: "the Queues view". */ what: string };
type State = { error: Error | null };

/**
 * A bug in one view must not blank the whole window: the sidebar, the
 * session status and the other views keep working, and the view can be retried.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.what} failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="empty-state" role="alert">
        <p className="empty-state__title">Something went wrong in {this.props.what}</p>
        <div className="empty-state__body">
          <code>{error.message}</code>
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
