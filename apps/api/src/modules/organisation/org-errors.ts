import { ERROR_CODES, localized, type Localized } from '@zs/domain';
import { ApiException, fieldRefusal } from '../../common/errors/api.exception';

/** 400 naming the field (`{field}` in the message). */
export const badField = (field: string, message: Localized): ApiException => fieldRefusal(ERROR_CODES.VALIDATION_FAILED, field, message);

/** 409: the unique value is taken. */
export const taken = (field: string, message: Localized): ApiException => fieldRefusal(ERROR_CODES.ALREADY_EXISTS, field, message);

/** 404: `what` is the kind of record, in both languages. */
export const notFound = (what: Localized, id: string): ApiException => new ApiException(ERROR_CODES.NOT_FOUND, localized(`${what.zh} ${id} 不存在`, `${what.en} ${id} not found`));

export const CHAIN = localized('产业链', 'industry chain');
export const USER = localized('用户', 'user');
export const TEAM = localized('小分队', 'team');
export const DEPARTMENT = localized('部门', 'department');
