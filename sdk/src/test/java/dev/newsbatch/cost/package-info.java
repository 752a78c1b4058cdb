/** Tests of what runs cost: estimates against billed usage, thinking, models, drift and flex. */
package dev.newsbatch.cost;
