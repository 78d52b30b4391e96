#pragma once

#include "cl-doctor-session.h"
#include "cl-doctor.h"
#include "cl-session-check.h"

G_BEGIN_DECLS

/* How the directory reads to a person at the desk, in the desk's
 * language: the same words in the desk's search, its sessions list and
 * the administrator's window. */

/* "Monday afternoon, Room 305" (星期一 下午 · 305室). */
char *cl_directory_session_label (CLDoctorSession *session);

/* "Chief Physician Zhang Lihua" reads "张丽华 · Chief Physician". */
char *cl_directory_doctor_label  (CLDoctor *doctor);

/* The state of a session the desk marked: "Not arrived; phoned
 * 护士长 at 14:05" or "Arrived at 14:25, 25 min late", times local. */
char *cl_directory_check_label   (CLSessionCheck *check,
                                  gint64          now);

G_END_DECLS
