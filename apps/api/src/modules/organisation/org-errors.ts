import { ERROR_CODES } from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';

/** 400 naming the field, the message in Chinese. */
export const badField = (field: string, message: string): ApiException => new ApiException(ERROR_CODES.VALIDATION_FAILED, message, [{ field, message }]);

/** 409: the unique value is taken. */
export const taken = (field: string, message: string): ApiException => new ApiException(ERROR_CODES.ALREADY_EXISTS, message, [{ field, message }]);

export const notFound = (what: string, id: string): ApiException => new ApiException(ERROR_CODES.NOT_FOUND, `${what} ${id} 不存在`);
