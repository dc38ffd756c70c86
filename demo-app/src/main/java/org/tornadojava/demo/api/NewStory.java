package org.tornadojava.demo.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The JSON body of {@code POST /api/stories}: {@code {"title":"..","text":"..","priority":3}}, with its Bean
 * Validation constraints (checked by {@code getJsonBody(NewStory.class, true)}).
 *
 * @param title the headline, 1 to 100 characters
 * @param text the story, up to 2000 characters (may be absent)
 * @param priority 1 (low) to 5 (front page)
 */
public record NewStory(@NotBlank(message = "must not be blank") @Size(max = 100, message = "at most 100 characters")
                       String title,
                       @Size(max = 2000, message = "at most 2000 characters") String text,
                       @Min(value = 1, message = "from 1 to 5") @Max(value = 5, message = "from 1 to 5")
                       int priority) {
}
