// 消息: the reader's inbox with each alert's read mark (table notification_reads), for GET /notifications.
import type { Queryable } from '../database';
import type { InboxReader } from './notification-store';

/** One alert as its reader sees it: `readAt` is when this reader marked it read, null while unread. */
export interface InboxItem {
  id: string;
  projectId: string | null;
  recipientRole: string | null;
  recipientDepartment: string | null;
  recipientUserId: string | null;
  kind: string;
  level: number;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export interface InboxQuery {
  page: number;
  pageSize: number;
  /** Only the alerts this reader has not read yet. */
  unreadOnly?: boolean;
}

/**
 * Whether alert `n` is in the reader's inbox, with the reader as $1 (user id), $2 (role) and
 * $3 (department or null): addressed to them by name, to their role (in their department when
 * one is named), or to their whole department (e.g. its daily digest).
 */
const ADDRESSED_TO_READER = `(
  n.recipient_user_id = ($1::uuid)::text
  OR (n.recipient_user_id IS NULL AND n.recipient_department IS NULL AND n.recipient_role = $2)
  OR ($3::text IS NOT NULL AND n.recipient_user_id IS NULL AND n.recipient_department = $3::text AND (n.recipient_role = $2 OR n.recipient_role IS NULL))
)`;

const readerParams = (reader: InboxReader): unknown[] => [reader.userId, reader.role, reader.department];

interface InboxRow {
  id: string;
  project_id: string | null;
  recipient_role: string | null;
  recipient_department: string | null;
  recipient_user_id: string | null;
  kind: string;
  level: number;
  title: string;
  body: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

/** The reader's alerts, newest first, a page at a time; `total` counts what the query selects, `unread` every unread one. */
export async function inboxWithReadMarks(db: Queryable, reader: InboxReader, query: InboxQuery): Promise<{ rows: InboxItem[]; total: number; unread: number }> {
  const unreadOnly = query.unreadOnly ? 'AND r.notification_id IS NULL' : '';
  const from = `FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = $1::uuid WHERE ${ADDRESSED_TO_READER}`;
  const [rows, counts] = await Promise.all([
    db.query(
      `SELECT n.id::text AS id, n.project_id, n.recipient_role, n.recipient_department, n.recipient_user_id, n.kind, n.level, n.title, n.body, n.data, n.created_at, r.read_at
         ${from} ${unreadOnly}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $4 OFFSET $5`,
      [...readerParams(reader), query.pageSize, (query.page - 1) * query.pageSize],
    ) as Promise<InboxRow[]>,
    db.query(`SELECT count(*)::int AS total, (count(*) FILTER (WHERE r.notification_id IS NULL))::int AS unread ${from}`, readerParams(reader)) as Promise<
      Array<{ total: number; unread: number }>
    >,
  ]);
  const { total = 0, unread = 0 } = counts[0] ?? {};
  return { rows: rows.map(toItem), total: query.unreadOnly ? unread : total, unread };
}

/** How many alerts of the reader's inbox they have not read (the menu badge). */
export async function unreadInboxCount(db: Queryable, reader: InboxReader): Promise<number> {
  const [row] = (await db.query(
    `SELECT count(*)::int AS unread FROM notifications n
      WHERE ${ADDRESSED_TO_READER}
        AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = $1::uuid)`,
    readerParams(reader),
  )) as Array<{ unread: number }>;
  return row?.unread ?? 0;
}

/**
 * Marks one alert of the reader's inbox read (again: nothing changes, the first mark stays).
 * False when the alert is not in their inbox, so another person's alert reads as not found.
 */
export async function markInboxItemRead(db: Queryable, reader: InboxReader, notificationId: string): Promise<boolean> {
  const [row] = (await db.query(
    `WITH target AS (SELECT n.id FROM notifications n WHERE n.id = $4::bigint AND ${ADDRESSED_TO_READER}),
          marked AS (INSERT INTO notification_reads (user_id, notification_id) SELECT $1::uuid, id FROM target ON CONFLICT DO NOTHING)
     SELECT count(*)::int AS found FROM target`,
    [...readerParams(reader), notificationId],
  )) as Array<{ found: number }>;
  return (row?.found ?? 0) > 0;
}

/** Marks every unread alert of the reader's inbox read; returns how many were unread. */
export async function markInboxRead(db: Queryable, reader: InboxReader): Promise<number> {
  const [row] = (await db.query(
    `WITH marked AS (
       INSERT INTO notification_reads (user_id, notification_id)
       SELECT $1::uuid, n.id FROM notifications n WHERE ${ADDRESSED_TO_READER}
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS marked FROM marked`,
    readerParams(reader),
  )) as Array<{ marked: number }>;
  return row?.marked ?? 0;
}

function toItem(r: InboxRow): InboxItem {
  return {
    id: r.id,
    projectId: r.project_id,
    recipientRole: r.recipient_role,
    recipientDepartment: r.recipient_department,
    recipientUserId: r.recipient_user_id,
    kind: r.kind,
    level: r.level,
    title: r.title,
    body: r.body,
    data: r.data,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}
