package org.relationshipledger.engagement;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.relationshipledger.core.web.RuleViolation;

/** Matches the rule an aggregate fixture should see broken: its kind (the HTTP status) and the field at fault. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<Throwable> violation(RuleViolation.Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual) {
                return actual instanceof RuleViolation violation && violation.kind() == kind
                        && field.equals(violation.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rule violation on " + field);
            }

            @Override
            protected void describeMismatchSafely(Throwable actual, Description mismatch) {
                mismatch.appendText(actual instanceof RuleViolation violation
                        ? violation.kind() + " on " + violation.field() + ": " + violation.getMessage()
                        : actual.toString());
            }
        };
    }
}
