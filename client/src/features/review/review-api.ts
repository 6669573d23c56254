// Typed client for the ingest endpoints: adding an article (JSON or a file) and deciding its suggestions.
import type {
  AcceptAllResponse,
  ExtractionStatus,
  SourceAddResponse,
  SourceListResponse,
  SuggestionAcceptRequest,
  SuggestionDecisionResponse,
  SuggestionKind,
  SuggestionListResponse,
} from '../../../../contract';
import { callEndpoint } from '../../api/endpoint';
import { apiErrorFrom } from '../../api/send-json';
import { authHeaders } from '../../api/auth-hooks';

/** The article's fields as the Add article form collects them. */
export interface ArticleFields {
  title: string;
  publisher?: string;
  url?: string;
  publishedAt?: string;
}

/** What the review panel asks of the server. */
export interface ReviewApi {
  addText(fields: ArticleFields & { text: string }): Promise<SourceAddResponse>;
  /** Multipart upload of a .txt, .md or .html file (the server reduces HTML to its text). */
  addFile(fields: ArticleFields, file: File): Promise<SourceAddResponse>;
  suggestions(sourceId: string): Promise<SuggestionListResponse>;
  /** Every stored source (to reopen the review of one added earlier). */
  sources(): Promise<SourceListResponse>;
  /** The extraction's state and progress (polled while a long article is extracted in the background). */
  extraction(sourceId: string): Promise<ExtractionStatus>;
  /** Runs a failed or interrupted extraction again. */
  rerunExtraction(sourceId: string): Promise<ExtractionStatus>;
  /** Accepts, with the curator's edits when there are any. */
  accept(id: string, edits?: SuggestionAcceptRequest): Promise<SuggestionDecisionResponse>;
  reject(id: string): Promise<SuggestionDecisionResponse>;
  link(id: string, nodeId: string): Promise<SuggestionDecisionResponse>;
  acceptAll(sourceId: string, kind: SuggestionKind, label: string): Promise<AcceptAllResponse>;
}

/** Creates the ingest client for the API at `base` (default `/api`). */
export function createReviewApi(base = '/api'): ReviewApi {
  return {
    addText: (body) => callEndpoint(base, 'POST /sources', { body }),
    async addFile(fields, file) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
      form.append('file', file, file.name);
      const res = await fetch(`${base}/sources`, {
        method: 'POST',
        body: form,
        headers: authHeaders('POST'),
      });
      const body = (await res.json().catch(() => null)) as unknown;
      if (!res.ok) throw apiErrorFrom(res.status, body);
      return body as SourceAddResponse;
    },
    suggestions: (id) => callEndpoint(base, 'GET /sources/:id/suggestions', { params: { id } }),
    sources: () => callEndpoint(base, 'GET /sources', {}),
    extraction: (id) => callEndpoint(base, 'GET /sources/:id/extraction', { params: { id } }),
    rerunExtraction: (id) => callEndpoint(base, 'POST /sources/:id/extraction', { params: { id } }),
    accept: (id, edits) =>
      callEndpoint(base, 'POST /suggestions/:id/accept', {
        params: { id },
        ...(edits && Object.keys(edits).length ? { body: edits } : {}),
      }),
    reject: (id) => callEndpoint(base, 'POST /suggestions/:id/reject', { params: { id } }),
    link: (id, nodeId) =>
      callEndpoint(base, 'POST /suggestions/:id/link', { params: { id }, body: { nodeId } }),
    acceptAll: (id, kind, label) =>
      callEndpoint(base, 'POST /sources/:id/suggestions/accept', { params: { id }, body: { kind, label } }),
  };
}
