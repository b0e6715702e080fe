import { ROLE_LABELS, type Role } from '@zs/domain';
import type { UserViewDto } from './dto/user-view.dto';

export function toUserView(user: { id: string; username: string; displayName: string; role: Role; department: string | null }): UserViewDto {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, roleLabel: ROLE_LABELS[user.role], departmentName: user.department };
}
