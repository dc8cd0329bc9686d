"""Learning platforms: the SCORM 1.2 package and the quiz exports (GIFT, Moodle XML, QTI)."""
