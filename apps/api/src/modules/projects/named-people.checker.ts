import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES, namedPersonProblems, type NamedPerson, localized } from '@zs/domain';
import { activeUserRoles, type Database } from '@zs/persistence';
import { ApiException } from '../../common/errors/api.exception';
import { DETAILS_PLACEHOLDER } from '../../common/errors/error-envelope';
import { DATABASE } from '../../infrastructure/database.provider';

/**
 * Before a step is sent: every person it names (commissioner, a node's responsible person) is an
 * active user of the right role (NAMED_PERSON_ROLES), read from the users table as it is now.
 * Otherwise 400, each detail naming the field.
 */
@Injectable()
export class NamedPeopleChecker {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async require(named: readonly NamedPerson[]): Promise<void> {
    if (named.length === 0) return;
    const problems = namedPersonProblems(named, await activeUserRoles(this.db, named.map((p) => p.userId)));
    if (problems.length > 0) throw new ApiException(ERROR_CODES.VALIDATION_FAILED, localized(DETAILS_PLACEHOLDER, DETAILS_PLACEHOLDER), problems);
  }
}
