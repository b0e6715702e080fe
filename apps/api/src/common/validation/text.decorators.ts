import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/**
 * A required piece of text: a string, not blank, at most `max` characters.
 * Listed in the order they run, so the first failure is the one a person would fix first.
 */
export function IsText(max: number): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    IsString({ message: ({ property }) => `${property} must be a string` }),
    IsNotEmpty({ message: ({ property }) => `${property} must not be empty` }),
    Matches(/\S/, { message: ({ property }) => `${property} must not be blank` }),
    MaxLength(max, { message: ({ property }) => `${property} must be at most ${max} characters` }),
  ];
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

/** Optional text: absent or null is fine, anything else must be a string of at most `max` characters. */
export function IsOptionalText(max: number): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    IsOptional(),
    IsString({ message: ({ property }) => `${property} must be a string` }),
    MaxLength(max, { message: ({ property }) => `${property} must be at most ${max} characters` }),
  ];
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}
