"""Follow-ups (随访) of people in the registry: plans with a form and a cadence, the
readings due to their responsible people, and the cases abnormal readings open (folded by
the hazard lifecycle's one fold). May use: services.common."""
