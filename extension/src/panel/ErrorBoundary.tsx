/**
 * No uncaught error ever blanks the panel: each part of the panel sits in a boundary that shows
 * what failed (as text) with a retry button, while the other parts keep working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props { part: string; title: string; retry: string; whatLabel: string; children: ReactNode }
interface State { error: Error | undefined }

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[lvzhi] ${this.props.part}:`, error.message, info.componentStack?.split('\n').slice(0, 3).join(' '));
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" data-testid="error-boundary" style={{ border: '1px solid #cf222e', background: '#fff5f5', padding: 12, borderRadius: 6, margin: '8px 0' }}>
        <strong>{this.props.title}</strong>
        <div>{this.props.whatLabel}：{this.props.part}</div>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{error.message}</pre>
        <button type="button" onClick={() => this.setState({ error: undefined })}>{this.props.retry}</button>
      </div>
    );
  }
}
