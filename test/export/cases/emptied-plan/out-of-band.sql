-- Every rate of both plans withdrawn in the DIDTron UI; the plans stay.
DELETE FROM customer_rating_plan_rates;
